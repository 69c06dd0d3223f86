-- wrk script: POST the seed example to the path given as the first script argument.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"age":35,"income":50000,"category":"A"}'
