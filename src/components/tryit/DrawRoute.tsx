import { DrawArea } from '../draw/DrawArea';
import { useHashRoute } from '../../state/useHashRoute';
import { TryArea } from './TryArea';

/**
 * `#/draw`: Draw a digit (MNIST, the classic page) or, with `dataset=<id>` for any other dataset, Try it.
 * Why one route: Try it is Draw for another dataset (same layer panels, same answer panel), and links
 * such as `#/draw?dataset=fashion-mnist` read as "draw with Fashion-MNIST"; Draw's MNIST-only parts
 * (digit-style centring, filter edits, explorer links) stay in DrawArea untouched.
 */
export function DrawRoute() {
  const { params } = useHashRoute();
  const dataset = params.get('dataset');
  return dataset === null || dataset === 'mnist' ? <DrawArea /> : <TryArea />;
}
