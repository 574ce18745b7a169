// @vitest-environment jsdom
import { screen } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { askForAuthentication } from './authentication-dialog';

describe('the 3D Secure stand-in dialog', () => {
  it('opens a labelled modal dialog, focuses "Complete authentication" and resolves the choice', async () => {
    const user = userEvent.setup({ delay: null });
    const outcome = askForAuthentication(document, '$19.99');
    const dialog = screen.getByRole('dialog', { name: 'Sandbox 3D Secure authentication' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('$19.99');
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Complete authentication' }),
    );
    await user.click(screen.getByRole('button', { name: 'Complete authentication' }));
    await expect(outcome).resolves.toBe('complete');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('treats Escape as a failed authentication', async () => {
    const user = userEvent.setup({ delay: null });
    const outcome = askForAuthentication(document, '€5.00');
    await user.keyboard('{Escape}');
    await expect(outcome).resolves.toBe('fail');
  });

  it('resolves a failure when the tester picks "Fail authentication"', async () => {
    const user = userEvent.setup({ delay: null });
    const outcome = askForAuthentication(document, '¥500');
    await user.click(screen.getByRole('button', { name: 'Fail authentication' }));
    await expect(outcome).resolves.toBe('fail');
  });
});
