import Link from 'next/link';
import type { Metadata } from 'next';
import { listFiringAlertsByFunction } from '@/lib/alerts/list-alerting';
import { FiringBadge } from '@/app/components/firing-badge';
import { notFound } from 'next/navigation';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { NotFoundError } from '@/lib/errors';
import { idParamSchema } from '@/lib/http/id-param-schema';
import { getFunctionDetail } from '@/lib/metrics/get-function-detail';
import { getFunctionSeries } from '@/lib/metrics/get-function-series';
import { invocationQuerySchema } from '@/lib/metrics/invocation-query-schema';
import { listFunctionInvocations } from '@/lib/metrics/list-function-invocations';
import { parseRangeParams } from '@/lib/metrics/parse-range-params';
import { AutoRefresh } from '../../../components/auto-refresh';
import { RangePicker } from '../../../components/range-picker';
import { FunctionCharts } from './function-charts';
import { FunctionConfiguration } from './function-configuration';
import { InvocationTable } from './invocation-table';
import { LiveTail } from './live-tail';

type Props = { params: Promise<{ functionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = idParamSchema.safeParse((await params).functionId);
  if (!id.success) return { title: 'Function' };
  const fn = await (await getWebPrisma()).lambdaFunction.findUnique({ where: { id: id.data }, select: { name: true } });
  return { title: fn?.name ?? 'Function' };
}

/** One function: its charts over the range in the URL, recent invocations, configuration and live tail. */
export default async function FunctionPage({ params, searchParams }: Props) {
  const id = idParamSchema.safeParse((await params).functionId);
  if (!id.success) notFound();
  const query = Object.fromEntries(Object.entries(await searchParams).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
  const range = parseRangeParams(query);
  const filters = invocationQuerySchema.parse({ limit: '25', ...query });
  const prisma = await getWebPrisma();
  let detail;
  try {
    detail = await getFunctionDetail(prisma, id.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const [series, invocations, firing] = await Promise.all([
    getFunctionSeries(prisma, { functionId: id.data, range }),
    listFunctionInvocations(prisma, { functionId: id.data, range, ...filters }),
    listFiringAlertsByFunction(prisma, id.data),
  ]);
  const firingHere = firing.get(id.data) ?? [];
  const path = `/functions/${id.data}`;
  const rangeParams: Record<string, string> = range.preset === 'custom' ? { from: query.from ?? '', ...(query.to ? { to: query.to } : {}) } : { range: range.preset };
  return (
    <div className="stack">
      {range.preset === 'custom' ? null : <AutoRefresh seconds={30} />}
      <div className="page-header">
        <div>
          <h1>
            {detail.name} {detail.deleted ? <span className="badge">deleted</span> : null}
            <FiringBadge alerts={firingHere} />
          </h1>
          <p className="subtitle">
            {detail.source.name} · {detail.source.region} · {detail.runtime ?? 'container image'} · {detail.memorySizeMB} MB · timeout {detail.timeoutSeconds} s
          </p>
        </div>
        <RangePicker path={path} current={range.preset} from={range.preset === 'custom' ? range.since.toISOString() : undefined} to={range.preset === 'custom' ? range.until.toISOString() : undefined} />
      </div>
      <p className="hint">
        {range.since.toISOString().replace('T', ' ').slice(0, 16)} → {range.until.toISOString().replace('T', ' ').slice(0, 16)} UTC
        {range.preset === 'custom' ? '' : ' · refreshes every 30 s'}
      </p>
      {firingHere.length > 0 ? (
        <p className="notice notice-error" role="status">
          Firing:{' '}
          {firingHere.map((alert, index) => (
            <span key={alert.ruleId}>
              {index > 0 ? ', ' : ''}
              <Link href={`/alerts/rules/${alert.ruleId}`}>{alert.ruleName}</Link> ({alert.severity}, since {alert.since.toISOString().replace('T', ' ').slice(0, 16)} UTC)
            </span>
          ))}
        </p>
      ) : null}
      <FunctionCharts series={series} />
      <InvocationTable
        page={invocations}
        path={path}
        params={{ ...rangeParams, ...pickFilters(query) }}
        filters={{ status: query.status ?? '', coldStart: query.coldStart ?? '', version: query.version ?? '', retried: query.retried ?? '' }}
      />
      <div className="grid">
        <FunctionConfiguration detail={detail} />
        <LiveTail functionId={id.data} />
      </div>
    </div>
  );
}

function pickFilters(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([name, value]) => ['status', 'coldStart', 'version', 'retried'].includes(name) && value !== ''));
}
