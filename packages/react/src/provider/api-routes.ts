// `@marketkit/react/api-routes`: core's table of every route, loaded on demand the first time app code
// calls `useMarketkit().api.request(name)` (the kit's own components call their routes directly).
export { API_ROUTES } from '@marketkit/core';
