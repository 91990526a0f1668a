export function LearnArea() {
  return (
    <section className="area-placeholder" aria-labelledby="learn-title">
      <h1 id="learn-title">Learn</h1>
      <p>This area is being built.</p>
    </section>
  );
}
