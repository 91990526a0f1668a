/** CNN Studio's controls: one look and one behaviour for every area (see src/styles/controls.css). */
export { Select, rangeOptions, type SelectOption } from './Select';
export { NumberStepper } from './NumberStepper';
export { Slider } from './Slider';
export { Toggle } from './Toggle';
export { SegmentedButtons, type Segment } from './SegmentedButtons';
export { Menu, type MenuItem } from './Menu';
export { Dialog } from './Dialog';
export { ExportMenu, type CsvSource } from './ExportMenu';
export { ProgressBar, StatusNote } from './ProgressBar';
export { Note } from './Note';
export { PhoneFold, PHONE_QUERY } from './PhoneFold';
