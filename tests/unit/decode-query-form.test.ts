import { describe, expect, test } from 'vitest';
import { decodeQueryForm } from '@/lib/emulator/metrics/decode-query-form';

describe('decodeQueryForm', () => {
  test.each([
    { name: 'flat members', body: 'Action=ListMetrics&Version=2010-08-01', expected: { Action: 'ListMetrics', Version: '2010-08-01' } },
    {
      name: 'nested lists and structures',
      body:
        'MetricDataQueries.member.1.Id=m1&MetricDataQueries.member.1.MetricStat.Period=60' +
        '&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=FunctionName' +
        '&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=f',
      expected: {
        MetricDataQueries: [{ Id: 'm1', MetricStat: { Period: '60', Metric: { Dimensions: [{ Name: 'FunctionName', Value: 'f' }] } } }],
      },
    },
    {
      name: 'list members in numeric index order (10 after 2)',
      body: 'Statistics.member.10=Sum&Statistics.member.2=Maximum&Statistics.member.1=Average',
      expected: { Statistics: ['Average', 'Maximum', 'Sum'] },
    },
    {
      name: 'percent-encoding and + as space',
      body: 'Namespace=AWS%2FLambda&Label=my+label%3A+%26%3D&StartTime=2024-01-01T00%3A00%3A00Z',
      expected: { Namespace: 'AWS/Lambda', Label: 'my label: &=', StartTime: '2024-01-01T00:00:00Z' },
    },
    { name: 'an empty list stays an empty value', body: 'Dimensions=', expected: { Dimensions: '' } },
    { name: 'a member that is not a list index stays a structure', body: 'A.member.x=1', expected: { A: { member: { x: '1' } } } },
    { name: 'empty body', body: '', expected: {} },
  ])('$name', ({ body, expected }) => {
    expect(decodeQueryForm(body)).toEqual(expected);
  });

  test.each([
    ['a value and a structure', 'A=1&A.B=2'],
    ['a structure then a value', 'A.B=2&A=1'],
    ['prototype keys', '__proto__.polluted=1'],
    ['empty segments', 'A..B=1'],
  ])('refuses %s', (_name, body) => {
    expect(() => decodeQueryForm(body)).toThrow(expect.objectContaining({ code: 'MalformedQueryString', status: 400 }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
