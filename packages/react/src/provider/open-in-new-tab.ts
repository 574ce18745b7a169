/**
 * Opens a link that has to be fetched first (a single-use Express Dashboard login link) in a new tab.
 * Browsers only allow `window.open` during the click, so the tab opens first, blank and cut off from this
 * page (`opener = null`), then goes to the link once it arrives, or closes if minting it failed.
 */
export async function openLinkInNewTab(
  openWindow: ((url: string) => void) | undefined,
  load: () => Promise<string>,
): Promise<void> {
  // The app's own way (`<MarketkitProvider openWindow>`) wins.
  if (openWindow) return openWindow(await load());
  const tab = window.open('', '_blank');
  if (tab) tab.opener = null;
  let url: string;
  try {
    url = await load();
  } catch (error) {
    tab?.close();
    throw error;
  }
  if (tab) tab.location.replace(url);
  else window.open(url, '_blank', 'noopener,noreferrer');
}
