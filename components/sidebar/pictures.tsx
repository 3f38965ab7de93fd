/**
 * Picture bits of the sidebar (issue 13, 4): a finding on a picture shows the picture's thumbnail and the text
 * read from it with the finding's span marked; the pictures still being read or not read are listed.
 * What is judged from read text and what a person must still look at is said under the list.
 */
import type { Finding } from '@/lib/core/types';
import type { PictureView } from '@/lib/editor-kit/session';

/** A picture as the sidebar shows it: the editor session's own view of it (thumbnail, read text, state). */
export type PicturePreview = PictureView;

export interface PicturePreviews {
  list: PicturePreview[];
  /** Read pictures by their findings' field. */
  byField: Record<string, PicturePreview>;
}

export function picturePreviews(list: readonly PicturePreview[]): PicturePreviews {
  const byField: Record<string, PicturePreview> = {};
  for (const p of list) if (p.field && !byField[p.field]) byField[p.field] = p;
  return { list: [...list], byField };
}

/** Field group headings for picture findings: 图片 1（本机识别的图中文字）. */
export function pictureFieldLabels(list: readonly PicturePreview[]): Record<string, string> {
  const labels: Record<string, string> = {};
  list.forEach((p, i) => {
    if (p.field && !labels[p.field]) labels[p.field] = `图片 ${i + 1}${p.alt ? `「${p.alt.slice(0, 12)}」` : ''}（识别的图中文字）`;
  });
  return labels;
}

/** The read-text line(s) around a finding, with the finding's span marked. */
function ReadTextExcerpt({ text, start, end }: { text: string; start: number; end: number }) {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const to = nl < 0 ? text.length : nl;
  return (
    <p className="xs-picture-text" data-xs="picture-text" title={text}>
      {text.slice(from, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end, to)}
    </p>
  );
}

export function PictureFindingPreview({ finding, picture }: { finding: Finding; picture: PicturePreview }) {
  return (
    <div className="xs-picture-preview" data-xs="picture-preview">
      <img className="xs-thumb" src={picture.src} alt={picture.alt ?? `第 ${picture.index + 1} 张图片`} loading="lazy" />
      {picture.text !== undefined && <ReadTextExcerpt text={picture.text} start={finding.start} end={finding.end} />}
    </div>
  );
}

export function PictureStatusList({ pictures }: { pictures: PicturePreviews }) {
  const reading = pictures.list.filter((p) => p.status === 'reading');
  const notRead = pictures.list.filter((p) => p.status === 'not-read');
  const read = pictures.list.filter((p) => p.status === 'read');
  if (!pictures.list.length) return null;
  return (
    <div className="xs-pictures" data-xs="pictures" data-reading={reading.length} data-not-read={notRead.length}>
      <p className="xs-note">
        图片 {pictures.list.length} 张：已识别 {read.length}
        {reading.length > 0 && `，正在识别 ${reading.length}`}
        {notRead.length > 0 && `，未能识别 ${notRead.length}`}。
      </p>
      {notRead.map((p) => (
        <p key={p.src} className="xs-note xs-note-warn" data-xs="picture-not-read">
          第 {p.index + 1} 张图片未能识别：{p.reason}
        </p>
      ))}
      <p className="xs-note">
        图片中的文字和二维码在本机识别（不上传），据此审查个人信息、广告、敏感内容和地图标注；识别可能有误。图片本身的画面（人物、标志、地图的国界线与着色）须人工查看。
      </p>
    </div>
  );
}
