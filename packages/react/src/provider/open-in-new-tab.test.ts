import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLinkInNewTab } from './open-in-new-tab';

describe('openLinkInNewTab', () => {
  afterEach(() => vi.restoreAllMocks());

  function fakeTab() {
    return { opener: window, close: vi.fn(), location: { replace: vi.fn() } };
  }

  it('opens the tab during the click, detached from this page, then sends it to the minted link', async () => {
    const tab = fakeTab();
    const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    let resolve: (url: string) => void = () => {};
    const done = openLinkInNewTab(undefined, () => new Promise((settle) => (resolve = settle)));
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(tab.opener).toBeNull();
    resolve('https://connect.stripe.com/express/login');
    await done;
    expect(tab.location.replace).toHaveBeenCalledWith('https://connect.stripe.com/express/login');
  });

  it('closes the blank tab when the link could not be minted', async () => {
    const tab = fakeTab();
    vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    await expect(
      openLinkInNewTab(undefined, () => Promise.reject(new Error('rate_limited'))),
    ).rejects.toThrow('rate_limited');
    expect(tab.close).toHaveBeenCalled();
  });
});
