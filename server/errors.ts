/** Errors the API turns into a status and a zh-CN message: `{"error":{"code","message","issues?"}}`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = '稿件') => new ApiFailure(404, 'not-found', `${what}不存在或你无权查看`);
export const forbidden = (message: string) => new ApiFailure(403, 'forbidden', message);
export const conflict = (message: string) => new ApiFailure(409, 'conflict', message);
