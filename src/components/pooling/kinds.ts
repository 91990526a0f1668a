import type { PoolKind } from '../../engine';

/** Both kinds of pooling, in the order the explorer shows them side by side. */
export const POOL_KINDS = ['max', 'avg'] as const satisfies readonly PoolKind[];
