"""A React Router (framework mode) app's route configuration is its build's input, not production code."""

from __future__ import annotations

import pytest

from tests.dependencies.test_shipping import dep, write

SITE = {"name": "site", "private": True, "type": "module",
        "scripts": {"build": "react-router build", "start": "react-router-serve ./build/server/index.js"},
        "dependencies": {"react": "19.2.0", "react-router": "7.9.0", "@react-router/serve": "7.9.0"},
        "devDependencies": {"@react-router/dev": "7.9.0", "vite": "7.1.0"}}
ROUTES = ("import { type RouteConfig, index, route } from '@react-router/dev/routes';\n"
          "export default [index('routes/home.tsx'), route('about', 'routes/about.tsx')] satisfies RouteConfig;\n")
HOME = ("import { Link } from 'react-router';\nimport { flatRoutes } from '@react-router/dev/routes';\n"
        "export default function Home() { return <Link to={String(flatRoutes)}>about</Link>; }\n")


@pytest.mark.parametrize("config,folder", [(None, "app"), ("export default { appDirectory: 'src', ssr: true };\n", "src")])
def test_the_route_configuration_a_react_router_build_reads_is_no_production_code(tmp_path, config, folder):
    """`app/routes.ts` imports `@react-router/dev/routes`, a devDependency as the framework documents:
    its vite plugin reads the file while it builds, and the server build holds only the route modules
    it names (a real app: a DEP002 asking to move the build tool into dependencies). A route module
    importing the same package still ships; so does a `routes.ts` outside the app directory."""
    files = {"package.json": SITE, f"{folder}/routes.ts": ROUTES, f"{folder}/routes/home.tsx": HOME,
             f"{folder}/root.tsx": "export default function Root() { return null; }\n",
             "lib/routes.ts": "import { index } from '@react-router/dev/routes';\nexport const r = index('x');\n"}
    if config is not None:
        files["react-router.config.ts"] = config
    assert sorted(dep(write(tmp_path, files))) == sorted([
        ("DEP002", "lib/routes.ts", "@react-router/dev"), ("DEP002", f"{folder}/routes/home.tsx", "@react-router/dev")])
