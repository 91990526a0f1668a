export function ConvolutionArea() {
  return (
    <section className="area-placeholder" aria-labelledby="convolution-title">
      <h1 id="convolution-title">Convolution</h1>
      <p>This area is being built.</p>
    </section>
  );
}
