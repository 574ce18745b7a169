import { highestSeverity } from '@marketkit/core';
import type { PlatformRiskOverview, RiskReport } from '@marketkit/core';
import { API_ROUTES } from '@marketkit/core/contract';
import { requireUser, type RouteContext } from '../context';
import { json, route, type Route } from '../http/route';
import { assessAccount, assessPlatform } from './risk-service';

export function createRiskRoutes(context: RouteContext): Route[] {
  const { config } = context;
  return [
    route('GET', API_ROUTES.getRisk.path, async (request) => {
      const user = await requireUser(context, request);
      const record = await context.accounts.findByUser(user.userId);
      if (!record?.accountId) {
        const empty: RiskReport = {
          accountId: null,
          highestSeverity: null,
          signals: [],
          generatedAt: config.now(),
        };
        return json(empty);
      }
      const { signals } = await assessAccount(config, record.accountId);
      const result: RiskReport = {
        accountId: record.accountId,
        highestSeverity: highestSeverity(signals.map((signal) => signal.severity)),
        signals,
        generatedAt: config.now(),
      };
      return json(result);
    }),

    route('GET', API_ROUTES.getPlatformRisk.path, async (request) => {
      await requireUser(context, request, ['admin']);
      const result: PlatformRiskOverview = await assessPlatform(config);
      return json(result);
    }),
  ];
}
