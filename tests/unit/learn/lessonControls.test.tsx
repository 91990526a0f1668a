// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutputSizePanel } from '../../../src/components/learn/panels/FilterPanels';
import { DigitPicker, RangeControl } from '../../../src/components/learn/panels/parts';

afterEach(cleanup);

describe("lessons' controls are the shared ones", () => {
  it('the output-size calculator uses steppers: + writes the next value, a bad one is named and not written', () => {
    const setParam = vi.fn();
    render(<OutputSizePanel params={{}} setParam={setParam} />);
    const fields = [...document.querySelectorAll('input[type=number]')];
    expect(fields).toHaveLength(6);
    expect(fields.every((f) => f.closest('.ui-stepper-box'))).toBe(true);
    const stride = screen.getByRole('spinbutton', { name: 'Stride s' });
    expect(stride.closest('.ui-stepper')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /more.*Stride s|Stride s.*more/i }));
    expect(setParam).toHaveBeenCalledWith('s', 2);
    setParam.mockClear();
    fireEvent.change(stride, { target: { value: '1.5' } });
    expect(setParam).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Stride s must be a whole number from 1 to 5');
    fireEvent.change(stride, { target: { value: '9' } });
    expect(setParam).not.toHaveBeenCalled();
    fireEvent.change(stride, { target: { value: '3' } });
    expect(setParam).toHaveBeenCalledWith('s', 3);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the digit picker is a stepper that passes on whole numbers in range only', () => {
    const onChange = vi.fn();
    render(<DigitPicker value={5} onChange={onChange} />);
    const field = screen.getByRole('spinbutton', { name: 'Digit #' });
    fireEvent.change(field, { target: { value: '2.5' } });
    fireEvent.change(field, { target: { value: '-1' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field, { target: { value: '42' } });
    expect(onChange).toHaveBeenCalledWith(42);
  });

  it('a lesson slider is the shared slider, with its value shown', () => {
    const onChange = vi.fn();
    render(<RangeControl label="Batch size N" min={1} max={16} value={4} onChange={onChange} />);
    const slider = screen.getByRole('slider', { name: 'Batch size N' });
    expect(slider.closest('.ui-slider')).not.toBeNull();
    fireEvent.change(slider, { target: { value: '7' } });
    expect(onChange).toHaveBeenCalledWith('7');
  });
});
