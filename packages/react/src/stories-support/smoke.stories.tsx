import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';

function Hello({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

const meta = { title: 'Smoke', component: Hello } satisfies Meta<typeof Hello>;
export default meta;
export const Basic: StoryObj<typeof meta> = {
  args: { name: 'world' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Hello world')).toBeVisible();
  },
};
