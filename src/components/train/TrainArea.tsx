export function TrainArea() {
  return (
    <section className="area-placeholder" aria-labelledby="train-title">
      <h1 id="train-title">Train</h1>
      <p>This area is being built.</p>
    </section>
  );
}
