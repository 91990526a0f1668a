export function DrawArea() {
  return (
    <section className="area-placeholder" aria-labelledby="draw-title">
      <h1 id="draw-title">Draw</h1>
      <p>This area is being built.</p>
    </section>
  );
}
