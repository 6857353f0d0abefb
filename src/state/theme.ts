/**
 * Light or dark: the user's choice is kept in this browser (localStorage,
 * read before the first paint) and set as `data-theme` on the root element;
 * with no choice, app.css's light-dark() colours follow the system's preference.
 */
export type Theme = 'light' | 'dark';

const KEY = 'mlops-workbench.theme';

/** The saved choice, or null to follow the system. */
export function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // Storage blocked: follow the system.
  }
}

/** The theme on show: the saved choice, else the system's. */
export function effectiveTheme(): Theme {
  return storedTheme() ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

/** Sets the saved choice on the page (none: the CSS follows the system). */
export function applyStoredTheme(): void {
  const theme = storedTheme();
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

/** Saves `theme` and shows it. */
export function chooseTheme(theme: Theme): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not saved, but still shown for this visit.
  }
  document.documentElement.dataset.theme = theme;
}
