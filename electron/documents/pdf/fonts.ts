/**
 * The one typeface every document embeds: DejaVu Sans Condensed, regular and
 * bold, copied from Debian's fonts-dejavu-core into assets/fonts with its
 * license. It covers every Spanish letter and sign (á é í ó ú ñ ü ¿ ¡) and the
 * currency symbols (S/ $ Bs € ₲ ₡), which react-pdf's built-in Helvetica does
 * not, and its condensed width fits 32 characters on 58 mm paper. Fonts are
 * read from disk: rendering never touches the network.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Font } from '@react-pdf/renderer';

export const FONT_FAMILY = 'Tendero Sans';
const FILES = { regular: 'DejaVuSansCondensed.ttf', bold: 'DejaVuSansCondensed-Bold.ttf' };

/**
 * Where assets/fonts is: TENDERO_FONTS_DIR when set; the packaged app's
 * resources; otherwise the project root, which is three folders above this
 * file when running from source and two above the bundled dist/main/main.cjs.
 */
export function fontsDir(): string {
  const candidates = [
    process.env.TENDERO_FONTS_DIR,
    (process as { resourcesPath?: string }).resourcesPath
      ? join((process as { resourcesPath?: string }).resourcesPath!, 'assets', 'fonts')
      : undefined,
    fileURLToPath(new URL('../../../assets/fonts/', import.meta.url)),
    fileURLToPath(new URL('../../assets/fonts/', import.meta.url)),
  ];
  const found = candidates.find(
    (dir): dir is string => dir !== undefined && existsSync(join(dir, FILES.regular)),
  );
  if (!found)
    throw new Error(`The document fonts are missing (looked in ${candidates.join(', ')})`);
  return found;
}

let registered = false;

/** Registers the fonts once per thread (the render worker has its own react-pdf). */
export function registerFonts(): void {
  if (registered) return;
  const dir = fontsDir();
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: join(dir, FILES.regular), fontWeight: 'normal' },
      { src: join(dir, FILES.bold), fontWeight: 'bold' },
    ],
  });
  // Hyphenation off: a product name or a tax id must never print split with a "-".
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
