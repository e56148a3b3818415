import { useRef, type ReactNode } from 'react';

/**
 * A button that asks for JSON files; the chosen files go to `onFiles` and the
 * picker is reset, so choosing the same file again works.
 */
export function JsonFilesButton({
  children,
  className,
  testId,
  title,
  multiple = false,
  onFiles,
}: {
  children: ReactNode;
  className: string;
  testId: string;
  title?: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} title={title} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        accept=".json,application/json"
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
