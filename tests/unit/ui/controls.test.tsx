// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Dialog,
  ExportMenu,
  Menu,
  NumberStepper,
  SegmentedButtons,
  Select,
  Slider,
  Toggle,
} from '../../../src/components/ui';

afterEach(cleanup);

describe('Select', () => {
  it('is a labelled native select that returns numbers for numeric options', () => {
    const onChange = vi.fn();
    render(
      <Select
        label="Stride"
        value={1}
        options={[1, 2, 3].map((v) => ({ value: v, label: String(v) }))}
        onChange={onChange}
      />,
    );
    const select = screen.getByLabelText('Stride');
    expect(select.tagName).toBe('SELECT');
    fireEvent.change(select, { target: { value: '3' } });
    expect(onChange).toHaveBeenCalledWith(3);
  });

  it('keeps string values as strings and shows a placeholder while nothing is chosen', () => {
    const onChange = vi.fn();
    render(
      <Select
        label="Preset"
        value=""
        placeholder="Choose…"
        options={[{ value: 'edge', label: 'Vertical edge' }]}
        onChange={onChange}
      />,
    );
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Preset' });
    expect(select.selectedOptions[0]?.textContent).toBe('Choose…');
    fireEvent.change(select, { target: { value: 'edge' } });
    expect(onChange).toHaveBeenCalledWith('edge');
  });
});

describe('NumberStepper', () => {
  function Harness({ onChange }: { onChange: (v: number) => void }) {
    const [v, setV] = useState(2);
    return (
      <NumberStepper
        label="Epochs"
        value={v}
        min={1}
        max={3}
        onChange={(n) => {
          setV(n);
          onChange(n);
        }}
      />
    );
  }

  it('is a spin button with − and + buttons that stop at the ends', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole('spinbutton', { name: 'Epochs' });
    fireEvent.click(screen.getByRole('button', { name: 'More: Epochs' }));
    expect(onChange).toHaveBeenLastCalledWith(3);
    expect(input).toHaveProperty('value', '3');
    expect(screen.getByRole('button', { name: 'More: Epochs' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Less: Epochs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Less: Epochs' }));
    expect(onChange).toHaveBeenLastCalledWith(1);
    expect(screen.getByRole('button', { name: 'Less: Epochs' })).toHaveProperty('disabled', true);
  });

  it('keeps the − and + buttons out of the Tab order (the field steps with ↑/↓)', () => {
    render(<Harness onChange={() => {}} />);
    for (const b of screen.getAllByRole('button')) expect(b.tabIndex).toBe(-1);
    expect(screen.getByRole('spinbutton').tabIndex).toBe(0);
  });

  it('marks a typed value out of range as invalid and does not pass it on', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole('spinbutton', { name: 'Epochs' });
    fireEvent.change(input, { target: { value: '9' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '3' } });
    expect(onChange).toHaveBeenLastCalledWith(3);
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses a fraction when only whole numbers are good, and takes a fuller spoken name', () => {
    const onChange = vi.fn();
    const typed: string[] = [];
    render(
      <NumberStepper
        label="#"
        ariaLabel="MNIST test digit number (0–9999)"
        value={7}
        min={0}
        max={9999}
        integer
        onChange={onChange}
        onTyped={(text) => typed.push(text)}
      />,
    );
    const input = screen.getByRole('spinbutton', { name: 'MNIST test digit number (0–9999)' });
    fireEvent.change(input, { target: { value: '3.5' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(typed).toEqual(['3.5']);
    fireEvent.change(input, { target: { value: '42' } });
    expect(onChange).toHaveBeenLastCalledWith(42);
  });
});

describe('Slider', () => {
  it('is a labelled range input whose value text is read out and printed', () => {
    const onChange = vi.fn();
    render(<Slider label="Pen" value={3} min={1} max={9} onChange={onChange} valueText="3 px" />);
    const slider = screen.getByRole('slider', { name: 'Pen' });
    expect(slider.getAttribute('aria-valuetext')).toBe('3 px');
    expect(screen.getByText('3 px').tagName).toBe('OUTPUT');
    fireEvent.change(slider, { target: { value: '5' } });
    expect(onChange).toHaveBeenCalledWith(5);
  });
});

describe('Toggle', () => {
  it('is a switch that says whether it is on', () => {
    const onChange = vi.fn();
    const { rerender } = render(<Toggle label="Show numbers" checked={false} onChange={onChange} />);
    const sw = screen.getByRole('switch', { name: 'Show numbers' });
    expect(sw.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(sw);
    expect(onChange).toHaveBeenCalledWith(true);
    rerender(<Toggle label="Show numbers" checked onChange={onChange} />);
    expect(sw.getAttribute('aria-checked')).toBe('true');
  });
});

describe('SegmentedButtons', () => {
  function Harness() {
    const [v, setV] = useState<'max' | 'avg' | 'min'>('max');
    return (
      <SegmentedButtons
        label="Pooling"
        value={v}
        onChange={setV}
        options={[
          { value: 'max', label: 'Max' },
          { value: 'avg', label: 'Average' },
          { value: 'min', label: 'Min' },
        ]}
      />
    );
  }

  it('is a radio group with one Tab stop; arrows move and choose, wrapping; Home/End jump', () => {
    render(<Harness />);
    const group = screen.getByRole('radiogroup', { name: 'Pooling' });
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    expect(radios[0]!.getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(radios[0]!, { key: 'ArrowRight' });
    expect(screen.getByRole('radio', { name: 'Average' }).getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Average' }));
    fireEvent.keyDown(group, { key: 'End' });
    expect(screen.getByRole('radio', { name: 'Min' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(group, { key: 'ArrowRight' });
    expect(screen.getByRole('radio', { name: 'Max' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(group, { key: 'ArrowLeft' });
    expect(screen.getByRole('radio', { name: 'Min' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getAllByRole('radio').map((r) => r.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('keeps its arrow keys from reaching the page (lesson steps, players)', () => {
    const onWindowKey = vi.fn();
    window.addEventListener('keydown', onWindowKey);
    render(<Harness />);
    fireEvent.keyDown(screen.getAllByRole('radio')[0]!, { key: 'ArrowRight' });
    window.removeEventListener('keydown', onWindowKey);
    expect(onWindowKey).not.toHaveBeenCalled();
  });
});

describe('Menu', () => {
  const setup = () => {
    const csv = vi.fn();
    const png = vi.fn();
    render(
      <Menu
        label="Download: conv1 maps"
        buttonText="Download"
        items={[
          { id: 'csv', label: 'Numbers (CSV)', onSelect: csv },
          { id: 'png', label: 'Picture (PNG)', onSelect: png },
        ]}
      />,
    );
    return { csv, png, button: screen.getByRole('button', { name: 'Download: conv1 maps' }) };
  };

  it('is a menu button: closed, then open on click with focus on the first item', () => {
    const { button } = setup();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('menu', { name: 'Download: conv1 maps' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Numbers (CSV)' }));
  });

  it('moves with ↑/↓ (wrapping), acts on Enter, closes and gives focus back to the button', () => {
    const { button, csv, png } = setup();
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Picture (PNG)' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Numbers (CSV)' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(png).toHaveBeenCalledTimes(1);
    expect(csv).not.toHaveBeenCalled();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes on Escape without acting, and on a tap outside', () => {
    const { button, csv, png } = setup();
    fireEvent.click(button);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(csv).not.toHaveBeenCalled();
    expect(png).not.toHaveBeenCalled();
  });

  it('ExportMenu offers CSV and PNG only when given', () => {
    render(<ExportMenu what="pool1" png={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download: pool1' }));
    expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Picture (PNG)']);
  });
});

describe('Dialog', () => {
  function Harness() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          open
        </button>
        <Dialog open={open} onClose={() => setOpen(false)} title="About this computer">
          <p>body</p>
        </Dialog>
      </>
    );
  }

  it('opens labelled by its title, closes on Escape and on its Close button', () => {
    render(<Harness />);
    expect(screen.queryByText('body')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'open' }));
    const dialog = screen.getByRole('dialog', { name: 'About this computer' });
    expect(screen.getByText('body')).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByText('body')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'open' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByText('body')).toBeNull();
  });

  it('keeps key presses inside it from reaching the page', () => {
    const onWindowKey = vi.fn();
    window.addEventListener('keydown', onWindowKey);
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'open' }));
    fireEvent.keyDown(screen.getByText('body'), { key: 'PageDown' });
    window.removeEventListener('keydown', onWindowKey);
    expect(onWindowKey).not.toHaveBeenCalled();
  });
});
