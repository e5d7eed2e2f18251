import { useEffect, useRef, useState } from 'react';

/** Shows a PDF (base64 from the API) in a frame, through a blob: URL the CSP allows. */
export function PdfFrame({
  base64,
  title,
  onReady,
}: {
  base64: string;
  title: string;
  onReady?(frame: HTMLIFrameElement): void;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const next = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [base64]);
  return url ? (
    <iframe
      ref={frame}
      className="pdf-frame"
      title={title}
      src={url}
      onLoad={() => frame.current && onReady?.(frame.current)}
    />
  ) : null;
}
