export function PoolingArea() {
  return (
    <section className="area-placeholder" aria-labelledby="pooling-title">
      <h1 id="pooling-title">Pooling</h1>
      <p>This area is being built.</p>
    </section>
  );
}
