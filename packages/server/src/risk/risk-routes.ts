import { highestSeverity } from '@marketkit/core';
import type { PlatformRiskOverview, RiskReport } from '@marketkit/core';
import { API_ROUTES } from '@marketkit/core/contract';
import { Router } from 'express';
import { requireUser, type RouteContext } from '../context';
import { assessAccount, assessPlatform } from './risk-service';

export function createRiskRoutes(context: RouteContext): Router {
  const router = Router();
  const { config } = context;

  router.get(API_ROUTES.getRisk.path, async (request, response) => {
    const user = await requireUser(context, request);
    const record = await context.accounts.findByUser(user.userId);
    if (!record?.accountId) {
      const empty: RiskReport = {
        accountId: null,
        highestSeverity: null,
        signals: [],
        generatedAt: config.now(),
      };
      response.json(empty);
      return;
    }
    const { signals } = await assessAccount(config, record.accountId);
    const result: RiskReport = {
      accountId: record.accountId,
      highestSeverity: highestSeverity(signals.map((signal) => signal.severity)),
      signals,
      generatedAt: config.now(),
    };
    response.json(result);
  });

  router.get(API_ROUTES.getPlatformRisk.path, async (request, response) => {
    await requireUser(context, request, ['admin']);
    const result: PlatformRiskOverview = await assessPlatform(config);
    response.json(result);
  });

  return router;
}
