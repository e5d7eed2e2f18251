// Generates the app's icon set from the one source drawing, assets/icon.svg:
// PNGs for Linux, icon.ico for Windows and icon.icns for macOS, in
// assets/icons/build (electron-builder's buildResources). resvg renders the
// SVG exactly (no browser needed); png2icons writes ICO/ICNS in plain JS.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

export function generateIcons(root = process.cwd()) {
  const svg = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8');
  const out = join(root, 'assets', 'icons', 'build');
  mkdirSync(out, { recursive: true });
  const render = (size) =>
    new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  for (const size of ICON_SIZES) writeFileSync(join(out, `${size}x${size}.png`), render(size));
  const large = render(1024);
  writeFileSync(join(out, 'icon.png'), large);
  writeFileSync(
    join(out, 'icon.ico'),
    png2icons.createICO(large, png2icons.BICUBIC2, 0, false, true),
  );
  writeFileSync(join(out, 'icon.icns'), png2icons.createICNS(large, png2icons.BICUBIC2, 0));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Icons written to ${generateIcons()}`);
}
