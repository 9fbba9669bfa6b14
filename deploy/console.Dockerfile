# syntax=docker/dockerfile:1
# The console: the react-admin SPA built by Vite and served by nginx, which also forwards the API's
# routes to the api, so the browser talks to one origin (as `vite preview` does in development).
#
#   docker build -f deploy/console.Dockerfile -t nastavnik-console:local .
#
# VITE_* are build-time settings of apps/console/src/config.ts (README, "Configuration"); the
# defaults fit docker-compose.yml: Keycloak at http://keycloak:8080, the API on the same origin.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
RUN npm install -g npm@11 && npm cache clean --force
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund
COPY . .
ARG VITE_AUTH_MODE=keycloak
ARG VITE_KEYCLOAK_URL=http://keycloak:8080
ARG VITE_KEYCLOAK_REALM=mentoring
ARG VITE_KEYCLOAK_CLIENT_ID=mentoring-console
ARG VITE_API_URL=
RUN npx vite build --config apps/console/vite.config.mts

FROM nginx:1.27-alpine AS console
# The image's entrypoint renders /etc/nginx/templates/*.template into /etc/nginx/conf.d/ with these
# variables (and only defined ones, so nginx's own $variables stay as they are).
ENV API_UPSTREAM=api:3000 \
    KEYCLOAK_ORIGIN=http://keycloak:8080
COPY deploy/console/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /app/apps/console/dist /usr/share/nginx/html
EXPOSE 80
