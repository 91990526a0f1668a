import { createContext, useContext } from 'react';
import { isBuiltinDataset, type DatasetInfo } from '../../engine';
import { tx } from '../../i18n';

/**
 * How Train speaks of the pictures it learns from: "digits" for MNIST, "pictures" for clothes or a
 * dataset of one's own, and what one answer is ("digit", "kind of clothing", "class"). Passed as
 * placeholder values ({thing}, {things}, {Things}, {answer}, {examples}) to Train's messages.
 */
export type TrainWords = { thing: string; things: string; Things: string; answer: string; examples: string };

/** The words for `info` (MNIST's for MNIST; the dataset's name inside {examples} for a stored one). */
export function trainWords(info: Pick<DatasetInfo, 'id' | 'name'>): TrainWords {
  const kind = isBuiltinDataset(info.id) ? info.id : 'stored';
  const word = (w: keyof TrainWords) => tx(`train.nouns.${kind}.${w}`, { name: info.name });
  return {
    thing: word('thing'),
    things: word('things'),
    Things: word('Things'),
    answer: word('answer'),
    examples: word('examples'),
  };
}

/** Set by the Train area for its dataset; elsewhere (Draw, lessons) the panels speak of digits. */
export const TrainWordsContext = createContext<TrainWords | null>(null);

let mnistWords: TrainWords | null = null;

/** The words of the dataset being trained (MNIST's outside the Train area). */
export function useTrainWords(): TrainWords {
  const words = useContext(TrainWordsContext);
  if (words) return words;
  mnistWords ??= trainWords({ id: 'mnist', name: 'MNIST' });
  return mnistWords;
}
