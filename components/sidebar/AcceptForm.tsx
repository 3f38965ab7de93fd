import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { COMMON_ACCEPT_REASONS } from './labels';

interface AcceptFormProps {
  id: string;
  /** Called with a trimmed, non-empty reason. */
  onSubmit(reason: string): void;
  onCancel(): void;
}

/**
 * Inline "accept with a reason" form. A reason is mandatory because the review log records it and a
 * reviewer at the next level has to understand why a flagged passage was published anyway.
 */
export function AcceptForm({ id, onSubmit, onCancel }: AcceptFormProps) {
  const [reason, setReason] = useState('');
  const [showError, setShowError] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  // Focus moves into the form so keyboard users can type straight away.
  useEffect(() => inputRef.current?.focus(), []);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setShowError(true);
      inputRef.current?.focus();
      return;
    }
    onSubmit(trimmed);
  }

  function handleKeyDown(event: KeyboardEvent) {
    // While a Chinese IME is composing, Enter picks a candidate and Escape drops the composition:
    // neither may submit or close the form.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Escape') {
      // Keep Escape from reaching the console page, which may close its own dialogs on it.
      event.stopPropagation();
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && event.target === inputRef.current) {
      // Handled here rather than left to implicit submission, so the IME guard above applies to it.
      event.preventDefault();
      submit();
    }
  }

  function pickReason(common: string) {
    setReason(common);
    setShowError(false);
    inputRef.current?.focus();
  }

  return (
    <form id={id} className="xs-accept" onSubmit={submit} onKeyDown={handleKeyDown} noValidate>
      <div className="xs-accept-chips" role="group" aria-label="常用理由">
        {COMMON_ACCEPT_REASONS.map((common) => (
          <button
            key={common}
            type="button"
            className="xs-chip"
            aria-pressed={reason === common}
            onClick={() => pickReason(common)}
          >
            {common}
          </button>
        ))}
      </div>
      <label className="xs-accept-label" htmlFor={inputId}>
        接受理由
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="xs-accept-input"
        type="text"
        value={reason}
        placeholder="选择常用理由或填写，Enter 确认，Esc 取消"
        aria-invalid={showError || undefined}
        aria-describedby={showError ? errorId : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          if (e.target.value.trim()) setShowError(false);
        }}
      />
      {showError && (
        <p id={errorId} className="xs-accept-error" role="alert">
          请填写接受理由
        </p>
      )}
      <div className="xs-accept-actions">
        <button type="submit" className="xs-btn xs-btn-primary">
          确认接受
        </button>
        <button type="button" className="xs-btn" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
