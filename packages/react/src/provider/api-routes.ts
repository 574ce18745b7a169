// `@marketkit/react/api-routes`: core's table of every route, loaded on demand the first time code calls
// `api.request(name)` (the kit's own components send their routes directly).
export { API_ROUTES } from '@marketkit/core';
