import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Toaster } from 'sonner';
// sonner's rules as a file (CSP style-src 'self'); the build drops its inline <style> (vite.config.ts)
import 'sonner/dist/styles.css';
import { currentTheme } from '../ui';

/**
 * What only the supervisor page needs around the board: react-query (the agents' command
 * mutations) and the toaster for failed commands, following the page's theme
 * (`<html data-theme>`, applied by boot before rendering). A chunk of its own, loaded by
 * `App` through `loadSupervisor` and never on the kiosk: nothing there can fail a command,
 * and a kiosk shows no animations (docs/PERFORMANCE.md "Kiosk bundle budget").
 */
export function SupervisorProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  const theme = currentTheme();
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <Toaster theme={theme} position="bottom-right" closeButton visibleToasts={5} />
    </QueryClientProvider>
  );
}
