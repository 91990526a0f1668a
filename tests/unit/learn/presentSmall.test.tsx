// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LearnPresentBig, LearnScale } from '../../../src/components/learn/panels/common';
import { LearnAside } from '../../../src/components/learn/panels/parts';
import { StridePicture } from '../../../src/components/learn/panels/StridePicture';

afterEach(cleanup);

/** Lesson 4 question 2's picture: 11×11 with one ring of padding, 13 cells across. */
const Q7 = { inSize: 11, k: 3, stride: 2, pad: 1, dil: 1, out: 6, hide: true };

describe('presenting below a projector’s size (1366×768)', () => {
  it('a LearnAside waits behind a toggle when presenting at any size, and is shown as it is otherwise', () => {
    const aside = (scale: number) => (
      <LearnScale.Provider value={scale}>
        <LearnAside what="the maths">
          <p>the table</p>
        </LearnAside>
      </LearnScale.Provider>
    );
    const { container, rerender } = render(aside(1));
    expect(container.querySelector('details')).toBeNull();
    expect(screen.getByText('the table')).toBeTruthy();
    rerender(aside(1.3));
    const details = container.querySelector('details.learn-aside');
    expect(details).not.toBeNull();
    expect(details!.hasAttribute('open')).toBe(false);
    expect(details!.querySelector('summary')!.textContent).toContain('the maths');
  });

  it('the stride picture takes a measured room when presenting, and drops zeros too small to read', () => {
    const picture = (scale: number, big = false, props = Q7) => (
      <LearnScale.Provider value={scale}>
        <LearnPresentBig.Provider value={big}>
          <StridePicture {...props} scale={scale} />
        </LearnPresentBig.Provider>
      </LearnScale.Provider>
    );
    const zeros = () => [...document.querySelectorAll('[data-padding] text')].length;
    // At a desk: drawn at its own size, with a 0 in each of the 48 padding cells.
    const { container, rerender } = render(picture(1));
    expect(container.querySelector('.learn-main-room')).toBeNull();
    expect(zeros()).toBe(48);
    // Presented at 1366×768: in the room the stylesheet sizes, 13 cells across are too many for a 0 each.
    rerender(picture(1.3));
    expect(container.querySelector('.learn-main-room svg')).not.toBeNull();
    expect(zeros()).toBe(0);
    // Lesson 4 step 4's 9 cells across keep their zeros.
    rerender(picture(1.3, false, { ...Q7, inSize: 7, stride: 1, out: 7 }));
    expect(zeros()).toBe(32);
    // On a projector the picture is far larger: zeros kept.
    rerender(picture(1.3, true));
    expect(container.querySelector('.learn-main-room svg')).not.toBeNull();
    expect(zeros()).toBe(48);
  });
});
