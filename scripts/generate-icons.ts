// Draws the app icon and the tray icons into assets/ with Node built-ins only (zlib for PNG), so
// the artwork is reproducible and reviewable as code. Run: `npx tsx scripts/generate-icons.ts`.
//
// Tray icons show the quota as a cloud that empties (full, a third, a sliver, empty and struck
// through) so the state reads without colour. Colour icons (Windows, Linux) draw the cloud with a
// dark outer and a light inner edge, visible on light and dark panels alike; macOS gets black
// template images that the menu bar tints itself.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
/** A sample's colour at a point in unit coordinates (0..1, y down); `px` is one pixel in units. */
type Shader = (x: number, y: number, px: number) => Rgba;

const transparent: Rgba = [0, 0, 0, 0];

// ---- PNG encoding ----

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // Each row starts with filter type 0 (none); zlib does the compressing.
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Renders with `samples`² samples per pixel, averaged with premultiplied alpha. */
function render(size: number, samples: number, shade: Shader): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const px = 1 / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [cr, cg, cb, alpha] = shade(
            (x + (sx + 0.5) / samples) * px,
            (y + (sy + 0.5) / samples) * px,
            px,
          );
          const ca = alpha / 255;
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (y * size + x) * 4;
      rgba[i] = a === 0 ? 0 : Math.round(r / a);
      rgba[i + 1] = a === 0 ? 0 : Math.round(g / a);
      rgba[i + 2] = a === 0 ? 0 : Math.round(b / a);
      rgba[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return encodePng(size, rgba);
}

// ---- Shapes (signed distances in unit coordinates: negative inside) ----

function circle(x: number, y: number, cx: number, cy: number, r: number): number {
  return Math.hypot(x - cx, y - cy) - r;
}

function roundedBox(
  x: number,
  y: number,
  cx: number,
  cy: number,
  hw: number,
  hh: number,
  r: number,
) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** A cloud with a flat base, filling roughly 0.08..0.92 × 0.2..0.8. */
function cloud(x: number, y: number): number {
  return Math.min(
    circle(x, y, 0.32, 0.55, 0.2),
    circle(x, y, 0.55, 0.43, 0.25),
    circle(x, y, 0.74, 0.58, 0.18),
    roundedBox(x, y, 0.5, 0.66, 0.38, 0.13, 0.13),
  );
}
const cloudTop = 0.18;

/**
 * True when the point is at least `depth` inside the cloud. The min() of the parts' distances is
 * not a true distance inside the union (it is too shallow where the parts overlap), so probe the
 * surrounding ring instead of trusting the value.
 */
function isDeepInside(x: number, y: number, depth: number): boolean {
  if (cloud(x, y) > 0) return false;
  for (let k = 0; k < 12; k++) {
    const angle = (k / 12) * 2 * Math.PI;
    if (cloud(x + depth * Math.cos(angle), y + depth * Math.sin(angle)) > 0) return false;
  }
  return true;
}
const cloudBottom = 0.79;

// ---- Tray icons ----

type TrayState = 'normal' | 'low' | 'critical' | 'exhausted' | 'stale' | 'signed-out';

interface TrayStyle {
  /** How full the cloud is drawn: the quota left, roughly. */
  level: number;
  color: Rgba;
  struck?: boolean;
  /** Signed out and stale draw fainter: there is no current figure. */
  alpha: number;
}

const trayStyles: Record<TrayState, TrayStyle> = {
  normal: { level: 1, color: [46, 160, 67, 255], alpha: 1 },
  low: { level: 0.42, color: [227, 160, 8, 255], alpha: 1 },
  critical: { level: 0.2, color: [232, 89, 12, 255], alpha: 1 },
  exhausted: { level: 0, color: [214, 40, 40, 255], struck: true, alpha: 1 },
  stale: { level: 1, color: [140, 149, 159, 255], alpha: 0.75 },
  'signed-out': { level: 0, color: [140, 149, 159, 255], alpha: 0.6 },
};

const darkEdge: Rgba = [31, 35, 40, 255];
const lightEdge: Rgba = [255, 255, 255, 255];
const black: Rgba = [0, 0, 0, 255];

function withAlpha([r, g, b, a]: Rgba, alpha: number): Rgba {
  return [r, g, b, a * alpha];
}

function isFilled(y: number, level: number): boolean {
  return level > 0 && y >= cloudBottom - level * (cloudBottom - cloudTop);
}

function slash(x: number, y: number): number {
  return segment(x, y, 0.14, 0.86, 0.86, 0.14);
}

function colourTrayShader(style: TrayStyle): Shader {
  return (x, y, px) => {
    const d = cloud(x, y);
    if (style.struck === true) {
      const s = slash(x, y);
      if (s <= 0.9 * px) return style.color;
      if (s <= 1.9 * px) return lightEdge;
      if (s <= 2.6 * px) return darkEdge;
    }
    if (d > 0.9 * px) return transparent;
    if (d > 0) return withAlpha(darkEdge, style.alpha);
    if (!isDeepInside(x, y, 0.9 * px)) return withAlpha(lightEdge, style.alpha);
    return isFilled(y, style.level) ? withAlpha(style.color, style.alpha) : transparent;
  };
}

function templateTrayShader(style: TrayStyle): Shader {
  return (x, y, px) => {
    const d = cloud(x, y);
    if (style.struck === true) {
      const s = slash(x, y);
      if (s <= 1.0 * px) return black;
      // A clear gap around the stroke keeps it readable against the cloud's edge.
      if (s <= 2.0 * px) return transparent;
    }
    if (d > 0) return transparent;
    if (!isDeepInside(x, y, 1.3 * px)) return withAlpha(black, style.alpha);
    // Inside: a gap, then the fill, so the level reads at 16 px.
    if (isFilled(y, style.level) && isDeepInside(x, y, 2.2 * px))
      return withAlpha(black, style.alpha);
    return transparent;
  };
}

// ---- App icon ----

function appIconShader(): Shader {
  const corner = 0.22;
  return (x, y) => {
    // macOS-style rounded square, inset so the icon does not touch the edges.
    if (roundedBox(x, y, 0.5, 0.5, 0.41, 0.41, corner) > 0) return transparent;
    // Scale the cloud into the middle of the square.
    const d = cloud((x - 0.5) / 0.72 + 0.5, (y - 0.53) / 0.72 + 0.5);
    if (d <= 0) return [255, 255, 255, 255];
    // A vertical green gradient.
    const t = (y - 0.09) / 0.82;
    return [Math.round(52 - 20 * t), Math.round(190 - 60 * t), Math.round(100 - 30 * t), 255];
  };
}

// ---- Output ----

const assetsDir = join(import.meta.dirname, '..', 'assets');
const trayDir = join(assetsDir, 'tray');
mkdirSync(trayDir, { recursive: true });

for (const [state, style] of Object.entries(trayStyles)) {
  for (const [suffix, size] of [
    ['', 16],
    ['@2x', 32],
  ] as const) {
    writeFileSync(
      join(trayDir, `tray-${state}${suffix}.png`),
      render(size, 6, colourTrayShader(style)),
    );
    writeFileSync(
      join(trayDir, `tray-${state}Template${suffix}.png`),
      render(size, 6, templateTrayShader(style)),
    );
  }
}
// 1024 px: electron-builder derives the macOS .icns, the Windows .ico and Linux sizes from it.
writeFileSync(join(assetsDir, 'icon.png'), render(1024, 2, appIconShader()));
console.log(`Icons written to ${assetsDir}`);
