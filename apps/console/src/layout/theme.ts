import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme in the platform's calm blue. */
export const consoleTheme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1b5e8c' },
    secondary: { main: '#6a4c93' },
    background: { default: '#f4f6f8' },
  },
  sidebar: { width: 270, closedWidth: 55 },
  typography: { fontFamily: ['Roboto', '"Helvetica Neue"', 'Arial', 'sans-serif'].join(',') },
};
