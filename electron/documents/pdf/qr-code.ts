/**
 * A QR code drawn as vector paths. `qrcode` (npm, the most used QR encoder for
 * Node, MIT) computes the module matrix; we draw it with react-pdf's Svg so it
 * stays sharp at any printer resolution and costs no image encoding.
 */
import { createElement as h } from 'react';
import { Path, Rect, Svg } from '@react-pdf/renderer';
import QRCode from 'qrcode';

/** The quiet zone the QR standard asks around the symbol, in modules. */
const QUIET = 4;

/** One path for all dark modules; horizontal runs merge into one rectangle each. */
export function qrPath(text: string): { d: string; modules: number } {
  // Level M survives a scuffed thermal print and keeps a SIAT URL at a small version.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      parts.push(`M${start + QUIET} ${y + QUIET}h${x - start}v1h${start - x}z`);
    }
  }
  return { d: parts.join(''), modules: size + 2 * QUIET };
}

export function QrCode(props: { text: string; size: number }) {
  const { d, modules } = qrPath(props.text);
  return h(
    Svg,
    { width: props.size, height: props.size, viewBox: `0 0 ${modules} ${modules}` },
    h(Rect, { x: 0, y: 0, width: modules, height: modules, fill: '#ffffff' }),
    h(Path, { d, fill: '#000000' }),
  );
}
