app_name = "overdracht"
urlpatterns: list = []
