import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { ConsoleAppBar } from './AppBar';
import { ConsoleMenu } from './Menu';

/**
 * The content column may shrink below its widest table (`min-width: 0` on the flex item): a page
 * with many columns (the access journal) scrolls inside itself instead of widening the page past
 * the window, where it lay over the menu and took its clicks.
 */
export const ConsoleLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={ConsoleAppBar} menu={ConsoleMenu} sx={{ '& .RaLayout-content': { minWidth: 0 } }}>
    {children}
  </Layout>
);
