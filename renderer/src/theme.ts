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
    colorWarning: '#b26a00',
    colorError: '#c62828',
    colorBgLayout: '#f2f4f7',
    colorText: 'rgba(0, 0, 0, 0.9)',
    // antd's greys (0.45 alpha) fail WCAG AA's 4.5:1 on white and on the page's grey: secondary
    // text, descriptions and placeholders are read all day, so they are dark enough to pass.
    colorTextSecondary: 'rgba(0, 0, 0, 0.66)',
    colorTextDescription: 'rgba(0, 0, 0, 0.66)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
    // Status words (tags such as "剩 12 天", success notices, warnings in tables) on their pale
    // backgrounds: the shades antd derives from the seeds above are too light for 4.5:1.
    colorSuccessText: '#1b5e20',
    colorWarningText: '#7a4a00',
    colorErrorText: '#b71c1c',
    colorInfoText: '#174a85',
    // The pale backgrounds of success / warning / error / info (alerts, status tags), given outright:
    // the ones derived from the seeds came out grey-green, and dark text on them fell below 4.5:1.
    colorSuccessBg: '#edf7ee',
    colorSuccessBorder: '#a5d6a7',
    colorWarningBg: '#fff6e5',
    colorWarningBorder: '#f5c77e',
    colorErrorBg: '#fdecea',
    colorErrorBorder: '#f1a9a0',
    colorInfoBg: '#e8f0fa',
    colorInfoBorder: '#a9c4e6',
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
