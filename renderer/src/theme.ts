/**
 * The look of the app: a public-service desk used all day by people of every age. Plain, steady
 * colours; type and controls a size larger than antd's defaults; no decoration.
 */
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fa8',
    colorInfo: '#1f5fa8',
    colorSuccess: '#2e7d32',
    colorWarning: '#975a00', // 4.5:1 on its light background as tag text (#b26a00 was 4.0)
    colorError: '#c62828',
    // antd derives the light backgrounds from the seeds above as grey-greens and greys (#b3bdb1
    // behind success): text and icons on them missed WCAG AA. Explicit light tints instead, and
    // darker text; tags use these status colours (success / warning / error), not the preset
    // green and orange (3.4:1). tests/unit/theme-contrast.test.ts checks every pair.
    colorSuccessBg: '#edf7ee',
    colorSuccessBorder: '#a5d6a7',
    colorSuccessText: '#1b5e20',
    colorWarningBg: '#fff8e1',
    colorWarningBorder: '#ffcc80',
    colorWarningText: '#8a4b00',
    colorInfoBg: '#e8f1fb',
    colorInfoBorder: '#a9c6e8',
    colorErrorBg: '#fdecea',
    colorErrorBorder: '#f4b4b4',
    colorBgLayout: '#f2f4f7',
    colorText: 'rgba(0, 0, 0, 0.9)',
    // antd's greys (0.45 alpha) fail WCAG AA's 4.5:1 on white and on the page's grey: secondary
    // text, descriptions and placeholders are read all day, so they are dark enough to pass.
    colorTextSecondary: 'rgba(0, 0, 0, 0.66)',
    colorTextDescription: 'rgba(0, 0, 0, 0.66)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
    colorErrorText: '#b71c1c',
    colorInfoText: '#174a85',
    fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', system-ui, sans-serif",
    fontSize: 15,
    fontSizeHeading2: 28,
    fontSizeHeading3: 22,
    controlHeight: 36,
    controlHeightLG: 44,
    borderRadius: 4,
    // No animations: nothing to wait for on an old counter PC, and no dialog or button left
    // half-way through a leave animation whose end event never came (seen under load in Chromium).
    motion: false,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 60, headerPadding: '0 24px', bodyBg: '#f2f4f7' },
    Menu: { itemHeight: 46, fontSize: 16, iconSize: 17, itemMarginInline: 8, subMenuItemBg: '#ffffff' },
    Table: { headerBg: '#f5f7fa', cellPaddingBlock: 14 },
    Form: { labelColor: 'rgba(0, 0, 0, 0.85)', itemMarginBottom: 22 },
    Card: { headerFontSize: 17 },
  },
};
