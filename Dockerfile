# PeerReflect for Azure App Service or Container Apps. Two stages: the build stage installs everything and
# compiles to dist/; the runtime stage gets a production install made by scripts/install-production.sh — the
# script test/e2e/productionInstall.test.ts runs — so no TypeScript, tsx or test tool is in the image.
#   docker build -t peerreflect .
#   docker run -p 3978:3978 --env-file .env peerreflect
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && scripts/install-production.sh /app

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3978
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3978
# npm start execs node, so the runtime's SIGTERM reaches the server, which drains and closes storage.
CMD ["npm", "start"]
