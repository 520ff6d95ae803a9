/**
 * The fonts of every printed document (legal documents and reports), in one list: for each role
 * the face the house style asks for, then faces that exist on stock machines of the centres, in
 * the order they should be tried:
 * - Windows (every version since Vista): 仿宋 / FangSong, 黑体 / SimHei, 宋体 / SimSun, and with
 *   Office 华文中宋 / STZhongsong, 华文仿宋 / STFangsong;
 * - 统信UOS / 麒麟 / Debian: Noto Serif CJK SC and Noto Sans CJK SC (fonts-noto-cjk), which WPS
 *   and LibreOffice find through fontconfig for zh-CN text;
 * - macOS: STFangsong, STZhongsong, STHeiti.
 * SimSun-ExtB / HanaMinB are last before the generic family: they draw rare characters of CJK
 * Extension B (𠀀) that the common faces lack.
 *
 * The .docx can name only one face a run (w:rFonts eastAsia and the other scripts): it names
 * `docx`, and word/fontTable.xml gives that face its English altName, panose, family, pitch and
 * the GB2312 charset, from which Word, WPS and LibreOffice pick an installed Chinese face when it
 * is missing. The print view (CSS) lists the whole chain.
 */

export type FontRole = 'title' | 'body' | 'heading' | 'pageNumber';

export interface DocFont {
  /** The face the .docx names (w:rFonts). */
  docx: string;
  /** Its English name (w:altName in the font table): how Windows and LibreOffice also know it. */
  alt: string;
  /** PANOSE-1 class, family and pitch as Word writes them for this face (for substitution). */
  panose: string;
  family: 'auto' | 'modern' | 'roman' | 'swiss';
  pitch: 'fixed' | 'variable';
  /** Faces to try after it, in order (the print view's font-family list). */
  fallbacks: readonly string[];
  generic: 'serif' | 'sans-serif';
}

const RARE_CHARS = ['SimSun-ExtB', 'HanaMinB'] as const;

export const DOC_FONTS: Readonly<Record<FontRole, DocFont>> = {
  // 2号 方正小标宋简体 (GB/T 9704): often missing; 华文中宋 is the usual stand-in, then 黑体.
  title: {
    docx: '方正小标宋简体',
    alt: 'FZXiaoBiaoSong-B05S',
    panose: '02000000000000000000',
    family: 'auto',
    pitch: 'variable',
    fallbacks: [
      'FZXiaoBiaoSong-B05S',
      '华文中宋',
      'STZhongsong',
      'SimHei',
      '黑体',
      'Noto Serif CJK SC',
      'Noto Serif SC',
      'Source Han Serif SC',
      ...RARE_CHARS,
    ],
    generic: 'serif',
  },
  // 3号 仿宋: the official face is 仿宋_GB2312; Windows ships 仿宋 (FangSong), which WPS maps it to.
  body: {
    docx: '仿宋',
    alt: 'FangSong',
    panose: '02010609060101010101',
    family: 'modern',
    pitch: 'fixed',
    fallbacks: [
      '仿宋_GB2312',
      'FangSong_GB2312',
      'FangSong',
      'STFangsong',
      '华文仿宋',
      'Noto Serif CJK SC',
      'Noto Serif SC',
      'Source Han Serif SC',
      ...RARE_CHARS,
    ],
    generic: 'serif',
  },
  // 一级标题 in 黑体.
  heading: {
    docx: '黑体',
    alt: 'SimHei',
    panose: '02010609060101010101',
    family: 'modern',
    pitch: 'fixed',
    fallbacks: ['SimHei', 'STHeiti', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', ...RARE_CHARS],
    generic: 'sans-serif',
  },
  // Page numbers in 4号 宋体.
  pageNumber: {
    docx: '宋体',
    alt: 'SimSun',
    panose: '02010600030101010101',
    family: 'auto',
    pitch: 'variable',
    fallbacks: ['SimSun', 'STSong', 'Noto Serif CJK SC', 'Noto Serif SC'],
    generic: 'serif',
  },
};

/** The face each role names in a .docx. */
export const DOCX_FACES: Readonly<Record<FontRole, string>> = {
  title: DOC_FONTS.title.docx,
  body: DOC_FONTS.body.docx,
  heading: DOC_FONTS.heading.docx,
  pageNumber: DOC_FONTS.pageNumber.docx,
};

const quote = (name: string): string => `"${name.replace(/["\\]/g, '')}"`;

/** A CSS font-family value: the role's face, its fallbacks (no face twice), the generic family. */
export function cssFontFamily(role: FontRole): string {
  const f = DOC_FONTS[role];
  const names = [...new Set([f.docx, ...f.fallbacks])];
  return [...names.map(quote), f.generic].join(', ');
}
