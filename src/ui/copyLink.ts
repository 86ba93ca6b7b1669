// "Copy link": the address bar always holds the complete state (urlSync.ts), so the link is
// location.href. The clipboard may be unavailable (permissions, insecure context): the link is
// then shown selected for a manual copy.
import { toast } from './toast.tsx';

export interface CopiedLink {
  url: string;
  /** Whether the clipboard took it (else the user copies it from the box). */
  copied: boolean;
}

export async function copyLink(): Promise<CopiedLink> {
  const url = window.location.href;
  try {
    await navigator.clipboard.writeText(url);
    toast('Link copied: it reproduces this exact view.');
    return { url, copied: true };
  } catch {
    toast('Copy the link from the box (Ctrl+C).');
    return { url, copied: false };
  }
}
