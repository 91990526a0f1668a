/** The shared map kit (src/components/canvas): legends, text alternatives of maps, panel titles. */
export const canvas = {
  shape: ' · {shape}',
  legend: {
    signedWords: 'Colour key: blue is negative down to {lo}, white is zero, red is positive up to {hi}',
    sequentialWords: 'Colour key: white is zero, black is {hi}',
    zero: '0',
    signed: 'blue < 0 < red',
    sequential: 'white = 0 · black = most',
  },
  heatmap: {
    describe: '{label}: {h}×{w} grid',
    describeRange: '{label}: {h}×{w} grid, values from {min} to {max}',
  },
  noCanvas: '2-D canvas is not available in this browser',
};
