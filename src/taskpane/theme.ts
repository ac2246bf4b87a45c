import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** True for a "#rrggbb" colour whose relative luminance is below the midpoint. */
export function isDarkColor(hex: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex?.trim() ?? '');
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Follows Office's theme so the task pane does not glare in a dark Office UI. */
export function themeFor(bodyBackgroundColor: string | undefined): Theme {
  return isDarkColor(bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}

/**
 * The page around the pane: no browser margin (a white frame in the dark theme), the theme's
 * background and colour scheme, and the language of the texts (screen readers pick the voice from
 * it). Set through the CSSOM, which the page's content security policy allows.
 */
export function applyPage(theme: Theme, lang: string, doc: Document = document): void {
  doc.documentElement.lang = lang;
  doc.documentElement.style.colorScheme = theme === webDarkTheme ? 'dark' : 'light';
  doc.body.style.margin = '0';
  doc.body.style.background = theme.colorNeutralBackground1;
}
