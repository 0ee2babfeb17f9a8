import type { Metadata } from 'next';
import { ActionForm } from '@/app/components/action-form';
import { SourceHealthTable } from '@/app/components/source-health-table';
import { canChange } from '@/lib/auth/can-change';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { listSourceHealth } from '@/lib/metrics/list-source-health';
import { addSourceAction } from './actions';

export const metadata: Metadata = { title: 'Sources' };

/** Where functions and logs come from: each source's health, and (editors, admins) adding one. */
export default async function SourcesPage() {
  const viewer = await requirePageViewer();
  const sources = await listSourceHealth(await getWebPrisma(), { now: Date.now() });
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>Sources</h1>
          <p className="subtitle">AWS accounts and regions, or Lambdascope’s emulator, whose functions and logs the worker ingests.</p>
        </div>
      </div>
      <section className="card" aria-labelledby="sources-list-heading">
        <h2 id="sources-list-heading">Sources</h2>
        {sources.length === 0 ? (
          <div className="empty">
            <strong>No sources yet.</strong>
            {canChange(viewer.role, 'sources') ? 'Add one below.' : 'An editor or admin can add one.'}
          </div>
        ) : (
          <SourceHealthTable sources={sources} detailed />
        )}
      </section>
      {canChange(viewer.role, 'sources') ? (
        <div className="grid">
          <section className="card" aria-labelledby="add-aws-heading">
            <h2 id="add-aws-heading">Add an AWS account and region</h2>
            <ActionForm action={addSourceAction} submitLabel="Test and add">
              <input type="hidden" name="kind" value="aws" />
              <div className="field">
                <label htmlFor="aws-name">Name</label>
                <input id="aws-name" name="name" required maxLength={100} placeholder="production eu-west-1" />
              </div>
              <div className="field">
                <label htmlFor="aws-region">Region</label>
                <input id="aws-region" name="region" required placeholder="eu-west-1" />
              </div>
              <div className="field">
                <label htmlFor="aws-profile">Profile (optional)</label>
                <input id="aws-profile" name="profile" placeholder="default credential chain when empty" />
              </div>
              <div className="field">
                <label htmlFor="aws-role">Role ARN to assume (optional)</label>
                <input id="aws-role" name="roleArn" placeholder="arn:aws:iam::123456789012:role/lambdascope-read" />
              </div>
              <div className="field">
                <label htmlFor="aws-endpoint">Endpoint override (optional)</label>
                <input id="aws-endpoint" name="endpoint" type="url" placeholder="http://localhost:4566" />
              </div>
              <p className="hint">The credentials must allow lambda:ListFunctions, lambda:GetFunction*, logs:FilterLogEvents and cloudwatch:GetMetricData.</p>
            </ActionForm>
          </section>
          <section className="card" aria-labelledby="add-emulator-heading">
            <h2 id="add-emulator-heading">Add an emulator</h2>
            <ActionForm action={addSourceAction} submitLabel="Test and add">
              <input type="hidden" name="kind" value="emulator" />
              <div className="field">
                <label htmlFor="emulator-name">Name</label>
                <input id="emulator-name" name="name" required maxLength={100} placeholder="laptop emulator" />
              </div>
              <div className="field">
                <label htmlFor="emulator-endpoint">Endpoint</label>
                <input id="emulator-endpoint" name="endpoint" type="url" required placeholder="http://127.0.0.1:4566" />
              </div>
            </ActionForm>
          </section>
        </div>
      ) : (
        <p className="hint">Your role ({viewer.role}) can read sources but not change them.</p>
      )}
    </div>
  );
}
