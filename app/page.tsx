export default function HomePage() {
  return (
    <main>
      <h1>Lambdascope</h1>
      <p>
        Observability for AWS Lambda. The dashboards arrive with the ingestion pipeline; today Lambdascope ships its local
        Lambda emulator.
      </p>
      <p>
        Run <code>npx lambdascope emulator</code> and point the AWS CLI or any AWS SDK at <code>http://127.0.0.1:4566</code>.
      </p>
    </main>
  );
}
