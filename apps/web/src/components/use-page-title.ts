import { useEffect } from 'react';

/** Names the browser tab and history entry after the page: "Grid · Grid Console". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Grid Console`;
  }, [title]);
}
