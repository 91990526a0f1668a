// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Messages } from '../../../src/components/convolution/Messages';

afterEach(cleanup);

describe('the explorers’ message box', () => {
  it('shows nothing when there is no problem', () => {
    const { container } = render(<Messages linkProblems={[]} others={[null, null]} />);
    expect(container.innerHTML).toBe('');
  });

  it('lists refused link values first, then the other problems that are set, in one alert', () => {
    render(
      <Messages
        linkProblems={['stride must be from 1 to 4.']}
        others={[null, 'No photo yet', 'Not changed']}
      />,
    );
    const box = screen.getByRole('alert');
    expect(box.getAttribute('data-testid')).toBe('conv-message');
    expect([...box.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Link problem: stride must be from 1 to 4. Kept the previous value.',
      'No photo yet',
      'Not changed',
    ]);
  });
});
