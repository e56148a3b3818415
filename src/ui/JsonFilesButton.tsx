import { useRef, type ReactNode } from 'react';
import { Hint } from './Hint';

/**
 * A button that asks for JSON files; the chosen files go to `onFiles` and the
 * picker is reset, so choosing the same file again works.
 */
export function JsonFilesButton({
  children,
  className,
  testId,
  hint,
  multiple = false,
  accept = '.json,application/json',
  onFiles,
}: {
  children: ReactNode;
  className: string;
  testId: string;
  hint?: string;
  multiple?: boolean;
  /** The file types the picker offers (JSON unless given). */
  accept?: string;
  onFiles: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Hint text={hint}>
        <button type="button" className={className} onClick={() => input.current?.click()}>
          {children}
        </button>
      </Hint>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        accept={accept}
        className="hidden"
        data-testid={testId}
        onChange={(e) => {
          const files = e.target.files ? [...e.target.files] : [];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
