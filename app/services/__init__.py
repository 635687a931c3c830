"""Services own the business rules and the transactions; routers call them."""
