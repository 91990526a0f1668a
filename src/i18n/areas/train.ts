/** The Train area (src/components/train), the training worker's messages and the train URL codec. */
export const train = {
  title: 'Train LeNet-5',
};
