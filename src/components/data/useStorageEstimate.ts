import { useEffect, useState } from 'react';

export type StorageEstimate = { usage: number; quota: number } | null;

/**
 * What this site keeps in the browser and how much it may keep (`navigator.storage.estimate`);
 * null where the browser does not say. `refresh` changes when the caller wants it asked again.
 */
export function useStorageEstimate(refresh = 0): StorageEstimate {
  const [estimate, setEstimate] = useState<StorageEstimate>(null);
  useEffect(() => {
    let live = true;
    const storage = (navigator as Partial<Navigator>).storage;
    if (!storage?.estimate) return;
    storage
      .estimate()
      .then((e) => {
        if (live && typeof e.quota === 'number') setEstimate({ usage: e.usage ?? 0, quota: e.quota });
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [refresh]);
  return estimate;
}

/** 1,234,567 → "1.2 MB"; 5e9 → "5.0 GB". */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} kB`;
  return `${n} B`;
}
