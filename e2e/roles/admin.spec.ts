import { describeRouteMatrix } from "../support/route-matrix";

describeRouteMatrix("admin");
